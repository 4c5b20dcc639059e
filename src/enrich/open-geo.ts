/**
 * The run's GeoIP database from its options: none with `--no-geo`, the bundled country database by default, or the
 * user's city database (`--geoip-db`). A database that cannot be opened fails the run before any input is read.
 */
import { ConfigError } from '../errors.js';
import { GeoIp } from './geo-ip.js';

export const GEOIP_DB_OPTION = '--geoip-db';

export function openGeoIp(geo: boolean, database: string | undefined): GeoIp | undefined {
  if (!geo) {
    if (database !== undefined) throw new ConfigError(database, GEOIP_DB_OPTION, 'given together with --no-geo, which turns GeoIP off', `drop one of ${GEOIP_DB_OPTION} and --no-geo`);
    return undefined;
  }
  if (database === undefined) return GeoIp.open();
  try {
    return GeoIp.open({ database });
  } catch (err) {
    throw new ConfigError(
      database, GEOIP_DB_OPTION, `cannot be read as a MaxMind DB (.mmdb) file: ${(err as Error).message}`,
      `give a city database such as GeoLite2-City.mmdb or dbip-city-lite.mmdb, or leave ${GEOIP_DB_OPTION} out to use the bundled country database`,
    );
  }
}
