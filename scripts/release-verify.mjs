#!/usr/bin/env node
// Placeholder until the release pipeline lands: fails loudly so nobody mistakes it for a check.
console.error('release:verify is not implemented yet');
process.exit(1);
