// post entry: clean-up that survives cancellation (see src/cleanup/).
import * as core from '@actions/core';

core.debug('post: nothing to clean up yet');
