// Plausible file names, extensions and share folders for the organisation's file activity.
import type { Rng } from './random.js';

const EXTENSIONS: ReadonlyArray<[string, number]> = [
  ['docx', 25], ['xlsx', 25], ['pdf', 20], ['pptx', 10], ['png', 5], ['jpg', 5], ['csv', 5], ['txt', 3], ['zip', 2],
];
const WORDS = ['report', 'budget', 'minutes', 'proposal', 'contract', 'invoice', 'forecast', 'summary', 'plan', 'review', 'draft', 'notes', 'slides', 'export'];
const SHARE_FOLDERS: Record<string, readonly string[]> = {
  Finance: ['Reports\\2026', 'Invoices', 'Budget'],
  Sales: ['Proposals', 'Customers', 'Pipeline'],
  HR: ['Contracts', 'Onboarding'],
  Engineering: ['Specs', 'Releases'],
  Marketing: ['Campaigns', 'Assets'],
  Legal: ['Agreements'],
  Operations: ['Logistics', 'Suppliers'],
  IT: ['Docs', 'Inventory'],
};

export function pickExtension(rng: Rng): string {
  let roll = rng.next() * EXTENSIONS.reduce((sum, [, w]) => sum + w, 0);
  for (const [ext, weight] of EXTENSIONS) {
    roll -= weight;
    if (roll < 0) return ext;
  }
  return 'docx';
}

export function documentName(rng: Rng, extension = pickExtension(rng)): string {
  return `${rng.pick(WORDS)}_${rng.token(4)}.${extension}`;
}

/** A department share folder on a file server, with a trailing backslash. */
export function shareFolder(rng: Rng, department: string): string {
  const folders = SHARE_FOLDERS[department] ?? SHARE_FOLDERS.IT;
  return `D:\\Shares\\${department}\\${rng.pick(folders)}\\`;
}
