// Messages the tracer itself writes into a log (MSG: lines): suspend, resume, and the nesting of child logs.

/** An outer log hands over to a nested one: the child log's path follows. */
export const DETACH_CHILD = /^Detaching this Reference Tracing file wrapper\. New file: (.+)$/;
/** The nested log has ended and events go to this log again. */
export const REATTACH = /^Re-attaching this Reference Tracing file wrapper\.$/;
export const SUSPEND = /^Suspending reference tracing\.$/;
export const RESUME = /^Resuming reference tracing\.$/;

/** The child log a message names, or null when it is not a detach message. */
export function childLogNamed(text: string): string | null {
  const m = DETACH_CHILD.exec(text);
  return m ? m[1] : null;
}
