export { RedistributionView as component } from './RedistributionView';
