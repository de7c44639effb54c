// `npm run example`: runs Strata's main job (main + post steps, executed from dist/ exactly as
// the Actions runner would) on examples/dockerfile-app, against a loopback registry, then runs
// the image it pushed. Everything is real: the Docker engine, BuildKit, the registry.
import { registryWithBase, run, workspaceFrom } from '../__tests__/support/docker.ts';
import { ActionJob, type StepRun } from '../__tests__/support/runner.ts';

function show(title: string, step: StepRun): void {
  console.log(`\n===== ${title} (exit ${step.exitCode})`);
  process.stdout.write(step.stdout.replace(/^::add-mask::.*\n/gm, ''));
  process.stdout.write(step.stderr);
}

const { registry, base } = await registryWithBase();
try {
  console.log(`Loopback registry at ${registry.host} with the base image ${base}`);

  const image = `${registry.host}/example/hello`;
  const job = new ActionJob({
    workspace: workspaceFrom('examples/dockerfile-app'),
    ref: 'refs/heads/main',
    with: { image, push: 'true', 'build-args': `BASE=${base}` },
  });
  const { main, post } = await job.run();
  show('strata (main step)', main);
  show('strata (post step)', post);
  console.log('\n===== outputs');
  for (const [k, v] of Object.entries(main.outputs)) {
    if (k !== 'metadata' && k !== 'report-markdown') console.log(`${k.padEnd(12)} ${v.replace(/\n/g, ', ')}`);
  }
  console.log(`\n===== job summary (the report; on a pull request it is also the PR comment)\n${main.summary}`);
  if (main.exitCode !== 0) process.exit(main.exitCode);

  const { stdout } = await run('docker', ['run', '--rm', `${image}:main`]);
  console.log(`\n===== docker run ${image}:main\n${stdout}`);
} finally {
  await registry.stop();
}
