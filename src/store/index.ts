export { useAnalysisStore, selectIsDemo, type AnalysisState, type Status } from './analysisStore';
export { useUiStore } from './uiStore';
export { loadDemo, importFiles, removeSource, reimportSource } from './actions';
