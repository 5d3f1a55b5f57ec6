#!/usr/bin/env node
// The `parley` command: registers tsx so Node runs the TypeScript sources, then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
