/** Mocha root hooks of the fault suite (loaded with --require): print the figures last. */
import { allFigures, formatFigures } from './figures';

export const mochaHooks = {
  afterAll(): void {
    process.stdout.write(formatFigures(allFigures()));
  },
};
