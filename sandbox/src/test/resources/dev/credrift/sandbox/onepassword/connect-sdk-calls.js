// Drives the official 1Password Connect JS SDK (@1password/connect) against a Connect server: every vault and item
// call the SDK offers (files aside), one JSON line per call on stdout: {"call", "ok", "detail" | "error"}.
// Field values are never printed. Expects, seeded by the caller: vault "Infrastructure" holding item
// "loki-s3-config" (fields access_key, secret_key), and vault "Other".
// Environment: OP_CONNECT_HOST (server root), OP_CONNECT_TOKEN; NODE_PATH must reach the installed SDK.
"use strict";

const { OnePasswordConnect, ItemBuilder, FullItem } = require("@1password/connect");

const op = OnePasswordConnect({
    serverURL: process.env.OP_CONNECT_HOST,
    token: process.env.OP_CONNECT_TOKEN,
    keepAlive: false,
});

function report(call, ok, extra) {
    process.stdout.write(JSON.stringify(Object.assign({ call, ok }, extra)) + "\n");
}

// The SDK rejects with the server's ErrorResponse {status, message}, or its own {status, message} for
// "not found by title", or an Error.
function describe(error) {
    if (error && typeof error.status === "number") {
        return { status: error.status, message: String(error.message) };
    }
    return { message: String(error && error.message ? error.message : error) };
}

async function expectOk(call, action) {
    try {
        report(call, true, { detail: await action() });
    } catch (error) {
        report(call, false, { error: describe(error) });
    }
}

// A call that must fail: ok when it rejects with the expected status.
async function expectStatus(call, status, action) {
    try {
        await action();
        report(call, false, { error: { message: "succeeded, expected status " + status } });
    } catch (error) {
        const seen = describe(error);
        report(call, seen.status === status, seen.status === status ? { detail: seen } : { error: seen });
    }
}

function require_(condition, what) {
    if (!condition) {
        throw new Error("unexpected answer: " + what);
    }
}

async function main() {
    let vaultId;
    let itemId;
    let createdId;

    await expectOk("listVaults", async () => {
        const vaults = await op.listVaults();
        require_(vaults.some(v => v.name === "Infrastructure"), "vault Infrastructure listed");
        return { names: vaults.map(v => v.name).sort() };
    });
    await expectOk("getVaultByTitle", async () => {
        const vault = await op.getVaultByTitle("Infrastructure");
        require_(vault.name === "Infrastructure" && /^[a-z0-9]{26}$/.test(vault.id), "vault by title");
        vaultId = vault.id;
        return { id: vault.id };
    });
    await expectOk("listVaultsByTitle", async () => {
        const vaults = await op.listVaultsByTitle("Other");
        require_(vaults.length === 1 && vaults[0].name === "Other", "one vault titled Other");
        return { count: vaults.length };
    });
    await expectOk("getVaultById", async () => {
        const vault = await op.getVaultById(vaultId);
        require_(vault.id === vaultId && vault.name === "Infrastructure", "vault by id");
        return { name: vault.name };
    });
    await expectOk("getVault(title)", async () => {
        const vault = await op.getVault("Infrastructure");
        require_(vault.id === vaultId, "getVault by title resolves to the same id");
        return { id: vault.id };
    });
    await expectStatus("getVaultByTitle(missing)", 404, () => op.getVaultByTitle("No Such Vault"));

    await expectOk("listItems", async () => {
        const items = await op.listItems(vaultId);
        const item = items.find(i => i.title === "loki-s3-config");
        require_(item !== undefined, "item loki-s3-config listed");
        itemId = item.id;
        return { titles: items.map(i => i.title).sort() };
    });
    await expectOk("listItemsByTitle", async () => {
        const items = await op.listItemsByTitle(vaultId, "loki-s3-config");
        require_(items.length === 1 && items[0].fields.length === 2, "one full item with its two fields");
        return { count: items.length, labels: items[0].fields.map(f => f.label) };
    });
    await expectOk("listItemsByTitleContains", async () => {
        const items = await op.listItemsByTitleContains(vaultId, "s3-CON");
        require_(items.length === 1 && items[0].id === itemId, "contains search finds the item");
        return { count: items.length };
    });
    await expectOk("getItemById", async () => {
        const item = await op.getItemById(vaultId, itemId);
        require_(item instanceof FullItem && item.title === "loki-s3-config", "full item by id");
        return { version: item.version, labels: item.fields.map(f => f.label) };
    });
    await expectOk("getItemByTitle", async () => {
        const item = await op.getItemByTitle(vaultId, "loki-s3-config");
        require_(item.id === itemId, "item by title");
        return { id: item.id };
    });
    await expectOk("getItem(title)", async () => {
        const item = await op.getItem(vaultId, "loki-s3-config");
        require_(item.id === itemId, "getItem by title");
        return { id: item.id };
    });

    await expectOk("createItem(ItemBuilder)", async () => {
        const built = new ItemBuilder()
            .setCategory(FullItem.CategoryEnum.APICredential)
            .setTitle("tempo-s3-config")
            .addTag("credrift")
            .addField({ label: "access_key", value: "AKIASDKCREATED000001", type: "STRING" })
            .addField({ label: "secret_key", value: "sdk-created-secret-value", type: "CONCEALED" })
            .addField({ label: "endpoint", value: "http://s3.example:9000", type: "URL", sectionName: "S3 endpoint" })
            .build();
        const item = await op.createItem(vaultId, built);
        require_(/^[a-z0-9]{26}$/.test(item.id), "created item has an id");
        require_(item.fields.every(f => typeof f.id === "string" && f.id.length > 0), "every field got an id");
        const endpoint = item.fields.find(f => f.label === "endpoint");
        require_(endpoint.section && item.sections.some(s => s.id === endpoint.section.id && s.label === "S3 endpoint"),
            "the field keeps its section");
        createdId = item.id;
        return { version: item.version, sections: item.sections.map(s => s.label) };
    });
    await expectOk("updateItem(PUT)", async () => {
        const item = await op.getItemById(vaultId, createdId);
        item.fields.find(f => f.label === "secret_key").value = "sdk-updated-secret-value";
        item.fields.push({ label: "region", value: "eu-west-1", type: "STRING" });
        const updated = await op.updateItem(vaultId, item);
        require_(updated.version === item.version + 1, "version went up by one");
        require_(updated.fields.length === 4 && updated.fields.every(f => f.id), "the new field got an id");
        return { version: updated.version };
    });
    await expectStatus("updateItem(without vault)", 400, async () => {
        // connect-sdk-js issue #122: updateItem does not set item.vault; the server refuses the item without it
        const item = await op.getItemById(vaultId, createdId);
        delete item.vault;
        return op.updateItem(vaultId, item);
    });
    await expectOk("listItemsByTitleContains(two)", async () => {
        const items = await op.listItemsByTitleContains(vaultId, "s3-config");
        require_(items.length === 2, "both items contain s3-config");
        return { count: items.length };
    });
    await expectOk("deleteItemById", async () => {
        await op.deleteItemById(vaultId, createdId);
        return {};
    });
    await expectStatus("getItemById(deleted)", 404, () => op.getItemById(vaultId, createdId));
    await expectOk("deleteItemByTitle", async () => {
        const second = await op.createItem(vaultId, new ItemBuilder().setCategory(FullItem.CategoryEnum.Login)
            .setTitle("throwaway").addField({ label: "username", value: "someone", purpose: "USERNAME" }).build());
        await op.deleteItemByTitle(vaultId, "throwaway");
        const left = await op.listItemsByTitle(vaultId, "throwaway");
        require_(left.length === 0 && second.id, "deleted by title");
        return {};
    });
    await expectStatus("getItemByTitle(missing)", 404, () => op.getItemByTitle(vaultId, "throwaway"));
}

main().then(() => process.exit(0), error => {
    report("script", false, { error: describe(error) });
    process.exit(1);
});
