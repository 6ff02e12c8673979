export { TotalKeyView as component } from './TotalKeyView';
