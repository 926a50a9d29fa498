import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type EngineGlue = Record<string, unknown> & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: typeof SchemaEngine;
};

/** Messages of engine panics, shown in the error instead of an unreadable TypeError. */
const panics: string[] = [];
/** The wasm module is instantiated once per process: its glue module holds a single instance. */
let gluePromise: Promise<EngineGlue> | null = null;

async function instantiateEngine(): Promise<EngineGlue> {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      panics.push(message);
    },
  };
  const require = createRequire(import.meta.url);
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineGlue;
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm")),
    "schema_engine_bg.wasm",
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": glue as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * Starts compiling the engine's WebAssembly (a few seconds on a cold machine) so it runs alongside other
 * start-up work, such as the embedded database starting; loadSchemaEngine then finds it ready.
 */
export function preloadSchemaEngine(): void {
  gluePromise ??= instantiateEngine();
  gluePromise.catch(() => {
    // Reported when loadSchemaEngine awaits it.
  });
}

/**
 * Loads Prisma's schema engine compiled to WebAssembly, so migrations run without the native engine
 * binary (which this project cannot download). Used only by command-line scripts and tests; call
 * `close()` when done so the connection does not keep the process alive.
 */
export async function loadSchemaEngine(options: {
  schemaPath: string;
  connectionString: string;
}): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  const glue = await (gluePromise ??= instantiateEngine());
  panics.length = 0;
  const datamodel = await readFile(options.schemaPath, "utf8");
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 1 });
  // A connection cut while idle (the server restarting or the database dropped) is dropped by the
  // pool; without a listener its "error" would end the process.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool);
  try {
    const engine = await glue.SchemaEngine.new(
      { datamodels: [[options.schemaPath, datamodel]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(adapter),
    );
    return {
      engine,
      async close() {
        engine.free();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw new Error(
      `Prisma's schema engine failed to start${panics.length ? `: ${panics.join("; ")}` : ""}`,
      {
        cause: error,
      },
    );
  }
}
