/** The demo generator as a library: same seed → same panel → same bytes. */
import { buildFiles, type DemoFile } from './files';
import { generatePanel, type DemoPanel } from './panel';
import { buildDemoSpec } from './spec';

/** The seed of the shipped demo. Changing it changes every figure quoted in public/demo/README.md. */
export const DEMO_SEED = 20240601;

export interface DemoOutput {
  panel: DemoPanel;
  files: DemoFile[];
  /** public/demo/demo-spec.json as text. */
  specJson: string;
}

export function generateDemo(seed: number = DEMO_SEED): DemoOutput {
  const panel = generatePanel(seed);
  const files = buildFiles(panel);
  const specJson = JSON.stringify(buildDemoSpec(files), null, 2) + '\n';
  return { panel, files, specJson };
}
