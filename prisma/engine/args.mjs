// Parses the command line the Prisma CLI gives the native schema engine, so we accept exactly
// what it sends (node_modules/prisma/build/cli.js, SchemaEngineCLI.internalInit and `cli` helpers).
export function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, version: false, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--datamodels":
        args.datamodels.push(argv[++i]);
        break;
      case "--datasource":
        args.datasource = JSON.parse(argv[++i]);
        break;
      // The wasm engine reads preview features from the schema itself and has no extension support;
      // the values are accepted so the CLI's invocation does not fail.
      case "--enabled-preview-features":
      case "--extension-types":
        i++;
        break;
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "cli":
        args.cliCommand = argv[++i];
        break;
      default:
        throw new Error(`Unknown argument: ${arg}`);
    }
  }
  return args;
}
