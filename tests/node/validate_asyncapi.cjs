// Validates AsyncAPI documents with the ecosystem's own tools: @asyncapi/parser (the schema and the
// rules beyond it) and the official JSON Schema from @asyncapi/specs (via Ajv). Prints one JSON object,
// {file: [problem, ...]}, with an empty list for each valid document.
const fs = require("fs");
const yaml = require("js-yaml");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const specs = require("@asyncapi/specs");
const { Parser } = require("@asyncapi/parser");

async function main() {
  const parser = new Parser();
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  // The meta-schemas the document schema embeds are Ajv's own already, as the parser removes them too.
  const schema = JSON.parse(JSON.stringify(specs.schemas["3.0.0"]));
  delete schema.definitions["http://json-schema.org/draft-07/schema"];
  delete schema.definitions["http://json-schema.org/draft-04/schema"];
  const validate = ajv.compile(schema);
  const problems = {};
  for (const file of process.argv.slice(2)) {
    const text = fs.readFileSync(file, "utf8");
    const found = [];
    const { diagnostics } = await parser.parse(text);
    for (const d of diagnostics) {
      if (d.severity === 0) found.push(`parser: ${d.code} ${d.message} at ${d.path.join(".")}`);
    }
    if (!validate(yaml.load(text))) {
      for (const e of validate.errors) found.push(`schema: ${e.instancePath} ${e.message}`);
    }
    problems[file] = found;
  }
  process.stdout.write(JSON.stringify(problems));
}

main().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(2);
});
