// Offline API reference: reads /openapi.json and lists each operation with its parameters (as text).
"use strict";

function el(tag, cls, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  for (const c of children) if (c !== null && c !== undefined) node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function schemaText(schema, spec) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map((s) => schemaText(s, spec)).join(" | ");
  if (schema.type === "array") return schemaText(schema.items, spec) + "[]";
  return schema.type || "";
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const root = document.getElementById("endpoints");
  root.appendChild(el("h1", null, spec.info.title + " " + spec.info.version));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const card = el("section", "card");
      card.appendChild(el("h2", null, method.toUpperCase() + " " + path));
      if (op.summary) card.appendChild(el("p", null, op.summary));
      const params = op.parameters || [];
      if (params.length) {
        const table = el("table", "events", el("thead", null, el("tr", null, el("th", null, "parameter"), el("th", null, "in"), el("th", null, "type"), el("th", null, "description"))));
        const body = el("tbody");
        for (const p of params) body.appendChild(el("tr", null, el("td", null, p.name + (p.required ? " *" : "")), el("td", null, p.in), el("td", null, schemaText(p.schema, spec)), el("td", null, p.description || (p.schema && p.schema.description) || "")));
        table.appendChild(body);
        card.appendChild(table);
      }
      if (op.requestBody) {
        const content = op.requestBody.content["application/json"];
        const ref = content && content.schema && content.schema.$ref;
        const schema = ref ? spec.components.schemas[ref.split("/").pop()] : null;
        card.appendChild(el("p", null, "JSON body: " + (ref ? ref.split("/").pop() : "")));
        if (schema && schema.properties) {
          const ul = el("ul");
          for (const [name, prop] of Object.entries(schema.properties)) {
            ul.appendChild(el("li", null, el("code", null, name), (schema.required || []).includes(name) ? " (required) " : " ", schemaText(prop, spec), prop.description ? " — " + prop.description : ""));
          }
          card.appendChild(ul);
        }
      }
      root.appendChild(card);
    }
  }
}
document.addEventListener("DOMContentLoaded", main);
