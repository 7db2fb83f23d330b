// A node:test reporter that says how a test file's process ended when it failed without a
// failing test of its own to blame: killed by a signal, or exited with a code. The spec reporter
// shows such a file only as 'test failed'.
export default async function* fileExitReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;

    const error = event.data.details?.error;

    if (error?.failureType !== 'testCodeFailure' || !('exitCode' in error)) continue;

    const how = error.signal
      ? `was killed by ${error.signal}`
      : `exited with code ${error.exitCode}`;

    yield `# the process running ${event.data.name} ${how}\n`;
  }
}
