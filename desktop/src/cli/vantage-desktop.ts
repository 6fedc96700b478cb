#!/usr/bin/env -S node --max-semi-space-size=2
// `vantage-desktop`: Vantage without a window. See run-desktop-cli.ts, or run it with --help.
import { runDesktopCli } from './run-desktop-cli.js';

await runDesktopCli(process.argv);
