// Prints the data attributes the plan's view may read: the properties of its type PlanData
// (static/js/plan.js), as the TypeScript checker of `make check-js` sees them.
import ts from "typescript";

const FILE = "static/js/plan.js";
const config = ts.getParsedCommandLineOfConfigFile("tsconfig.json", {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (!config) throw new Error("tsconfig.json: unreadable");
const program = ts.createProgram([FILE], config.options);
const checker = program.getTypeChecker();
const source = program.getSourceFile(FILE);
if (!source) throw new Error(`${FILE}: not found`);

let names = null;
const visit = (node) => {
  // A typedef comment belongs to the statement after it (node.jsDoc: every comment before it).
  for (const tag of (node.jsDoc || []).flatMap((doc) => doc.tags || [])) {
    if (ts.isJSDocTypedefTag(tag) && tag.name?.text === "PlanData" && tag.typeExpression) {
      const type = checker.getTypeFromTypeNode(tag.typeExpression.type);
      names = checker.getPropertiesOfType(type).map((property) => property.name);
    }
  }
  ts.forEachChild(node, visit);
};
visit(source);
if (!names) throw new Error(`${FILE}: no typedef PlanData`);
console.log(JSON.stringify(names));
