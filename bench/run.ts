// `npm run bench`: figures and ratios for the budgets the issues name. It prints; it never fails on speed.
import { runArticleCropBench } from './articleCropBench';
import { runCaptureBench } from './captureBench';
import { runCaptureBrowserBench } from './captureBrowserBench';
import { runDiskChangesBench } from './diskChangesBench';
import { runDriftBench } from './driftBench';
import { runEditorBench } from './editorBench';
import { runHealthBench } from './healthBench';
import { runHealthReportBench } from './healthReportBench';
import { runPlayerBench } from './playerBench';
import { runProjectBench } from './projectBench';
import { runResourceCenterBench } from './resourceCenterBench';

await runProjectBench();
await runDiskChangesBench();
await runPlayerBench();
await runResourceCenterBench();
await runEditorBench();
await runArticleCropBench();
await runCaptureBench();
await runCaptureBrowserBench();
await runDriftBench();
await runHealthReportBench();
await runHealthBench();
