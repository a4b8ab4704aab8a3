export { readDvc } from './dvc.js';
export { readMlflowRun, isMlflowRun } from './mlflow.js';
export { datasetFromHfCache, datasetFromHfUri } from './huggingface.js';
export { toDatasetInputs, type BridgeResult } from './types.js';
