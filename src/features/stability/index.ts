export { StabilityView as component } from './StabilityView';
