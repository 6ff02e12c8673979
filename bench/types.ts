/** A bench module: a name and a run that returns named figures (milliseconds, counts …). */
export interface BenchModule {
  name: string;
  run(): Promise<Record<string, number>>;
}
export type LongTask = { start: number; ms: number }; // a task over 50 ms seen by the mainthread bench
