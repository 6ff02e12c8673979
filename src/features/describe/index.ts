export { DescribeView as component } from './DescribeView';
