/** A bench module: a name and a run that returns named figures (milliseconds, counts …). */
export interface BenchModule {
  name: string;
  run(): Promise<Record<string, number>>;
}
