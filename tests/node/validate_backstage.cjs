// Validates a catalog-info.yaml with @backstage/catalog-model, the schemas and policies the Backstage
// catalog itself applies: the envelope and entity schemas, each kind's own schema, the field formats,
// and that every relation names an entity of the file. Prints {file: {entity: [problem, ...]}} as JSON.
const fs = require("fs");
const yaml = require("js-yaml");
const model = require("@backstage/catalog-model");

const kindValidators = [
  model.systemEntityV1alpha1Validator,
  model.componentEntityV1alpha1Validator,
  model.apiEntityV1alpha1Validator,
  model.resourceEntityV1alpha1Validator,
];

async function check(file) {
  const entities = yaml.loadAll(fs.readFileSync(file, "utf8"));
  const validateEntity = model.entitySchemaValidator();
  const policy = model.EntityPolicies.allOf([
    new model.DefaultNamespaceEntityPolicy(),
    new model.NoForeignRootFieldsEntityPolicy(),
    new model.FieldFormatEntityPolicy(),
    new model.SchemaValidEntityPolicy(),
  ]);
  const known = new Set(entities.map((e) => model.stringifyEntityRef(e).toLowerCase()));
  const problems = {};
  for (const entity of entities) {
    const found = [];
    try {
      validateEntity(entity);
      await policy.enforce(entity);
      let matched = false;
      for (const validator of kindValidators) {
        if (await validator.check(entity)) matched = true;
      }
      if (!matched) found.push(`no kind validator accepts kind ${entity.kind}`);
    } catch (error) {
      found.push(String(error.message || error));
    }
    const spec = entity.spec || {};
    const refs = [
      ...(spec.providesApis || []).map((r) => ["api", r]),
      ...(spec.consumesApis || []).map((r) => ["api", r]),
      ...(spec.dependsOn || []).map((r) => ["component", r]),
      ...(spec.system ? [["system", spec.system]] : []),
    ];
    for (const [kind, ref] of refs) {
      const target = model.stringifyEntityRef(model.parseEntityRef(ref, { defaultKind: kind })).toLowerCase();
      if (!known.has(target)) found.push(`names ${target}, which the file does not hold`);
    }
    problems[`${entity.kind}:${entity.metadata.name}`.toLowerCase()] = found;
  }
  return problems;
}

async function main() {
  const problems = {};
  for (const file of process.argv.slice(2)) problems[file] = await check(file);
  process.stdout.write(JSON.stringify(problems));
}

main().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(2);
});
