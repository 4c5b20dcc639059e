/** Loading Elastic ML modules, job files and directories of them (see config/module-loader.ts). */
export { loadJobs, parseJobDocument, type LoadJobsOptions } from './config/module-loader.js';
export { resolveJobId } from './config/job-id.js';
