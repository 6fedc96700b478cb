import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { TestOutcomeView } from '../../contract/methods/alerting-methods.js';

/** What the provider answered to a test, or why it failed (secrets scrubbed by the relay). */
export function TestOutcome({ outcome }: { outcome: TestOutcomeView }) {
  return outcome.ok ? (
    <div className="inline-alert inline-alert-up test-outcome" data-ok="true" role="status">
      <CircleCheck size={15} />
      <span>
        <strong>Test delivered.</strong> {outcome.detail ?? ''}
      </span>
    </div>
  ) : (
    <div className="inline-alert inline-alert-down test-outcome" data-ok="false" role="status">
      <TriangleAlert size={15} />
      <span>
        <strong>Test failed.</strong> {outcome.error ?? ''}
        {outcome.permanent === true && ' Retrying will not help until the settings change.'}
      </span>
    </div>
  );
}
