export * from './campaign';
export * from './area';
export * from './officer';
export * from './report';
export * from './import';
export * from './rollup';
export * from './audit';
export * from './auth';
