export { DistrictView as component } from './DistrictView';
