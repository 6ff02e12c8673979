export { CostKeyView as component } from './CostKeyView';
