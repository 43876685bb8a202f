/** `npm run merge-shards -- SHARD_DIR...`: one update from the shares of a sharded ingest. */
import { mergeCommand } from '../src/lib/ingest/merge-command.ts';

process.exitCode = mergeCommand(process.argv.slice(2));
