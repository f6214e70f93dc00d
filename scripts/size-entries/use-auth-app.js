// An app that uses useAuth, once the hook has loaded the core: both entries' static graphs.
export * from '../../dist/react.js';
export * from '../../dist/grantkit.js';
