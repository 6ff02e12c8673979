export { MyMunicipalityView as component } from './MyMunicipalityView';
