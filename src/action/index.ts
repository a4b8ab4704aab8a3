// The action entry: dist/index.js (placeholder until the action lands).
import * as core from '@actions/core';
core.setFailed('ml-provenance action: not available in this build yet');
