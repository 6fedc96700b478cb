#!/usr/bin/env node
// `vantage-desktop`: Vantage without a window. See run-desktop-cli.ts, or run it with --help.
import { runDesktopCli } from './run-desktop-cli.js';

await runDesktopCli(process.argv);
