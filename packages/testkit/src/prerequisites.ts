import { spawnSync } from 'node:child_process';

/** Fails with one line saying what to install when Java or Maven is missing. */
export function assertJavaAndMaven(): void {
  const missing: string[] = [];
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error)
    missing.push('Java 17 (apt-get install openjdk-17-jre-headless)');
  if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) missing.push('Maven (apt-get install maven)');
  if (missing.length > 0) {
    throw new Error(`The Kafka harness needs ${missing.join(' and ')}: install it and run again.`);
  }
}
