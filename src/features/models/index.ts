export { ModelsView as component } from './ModelsView';
