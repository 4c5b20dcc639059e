/** Job configuration entry point (see config/): the validated JobDefinition and how it is built. */
export * from './config/index.js';
