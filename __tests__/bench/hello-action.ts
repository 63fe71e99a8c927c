// The size and start-up baseline: the smallest action, @actions/core and one external command.
import * as core from '@actions/core';
import { spawnSync } from 'node:child_process';

const tool = core.getInput('helm-version');
if (tool) spawnSync(tool, ['version']);
core.info('hello');
