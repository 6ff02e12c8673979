/** Public surface of the cost-key engine (weights, index, redistribution, district allocation). */
export * from './types';
export * from './prepare';
export * from './needIndex';
export * from './redistribution';
export * from './aggregate';
export * from './totalKey';
export * from './district';
export * from './keyData';
export * from './weights/checks';
export * from './weights/coefficient';
export * from './weights/explainedVariance';
export * from './weights/subFunction';
export * from './weights/manual';
export * from './weights/presets';
export * from './fromFit';
export * from './keyView';
export * from './weights/flags';
