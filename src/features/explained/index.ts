export { ExplainedView as component } from './ExplainedView';
