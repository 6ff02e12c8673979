/** Public surface of the descriptives engine. */
export { describeTable, type DescribeOptions, type DescribeResult } from './describeTable';
export { quantileSorted, percentiles, TABLE23_PROBS, QUANTILE_DEFINITION, QUANTILE_DEFINITION_EN, type PercentileRow } from './quantile';
export { meanSdByYear, Moments, type ByYearRow, type MeanSd } from './byYear';
export { correlationMatrix, correlationPValue, pearson, type CorrelationMatrix } from './correlation';
export { meansByGroupYear, type GroupMeanCell } from './bySizeClass';
