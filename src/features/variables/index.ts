export { VariablesView as component } from './VariablesView';
