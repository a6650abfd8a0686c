/* global module, require */
// Bundled in place of `node:https` (NODE_BUILTIN_SHIMS in ../colophon-function.ts): a require() of the
// builtin instead of an ES import, whose facade reads every export of the module at import time.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the require() is the point
module.exports = require('https');
