-- factlint's language server in a real Neovim (0.7 to 0.11), headless.
--
-- Run by tests/nvim/test_neovim.py after the README's configuration for this
-- Neovim (written to init.lua). It opens a draft, waits for diagnostics, checks
-- a hover, saves a changed .factlint.yaml and sees the diagnostics change, then
-- runs each code action as Neovim's own code-action menu would (the edit, then
-- the command) and checks the buffer and the files written. Timings and the
-- outcome go to $FACTLINT_NVIM_REPORT as JSON; any failure exits non-zero.

local root = assert(os.getenv("FACTLINT_NVIM_ROOT"))
local report_path = assert(os.getenv("FACTLINT_NVIM_REPORT"))
local report = { steps = {}, version = tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch) }
local TIMEOUT = 120000

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

local function save_report()
  local f = assert(io.open(report_path, "w"))
  f:write(vim.fn.json_encode(report))
  f:close()
end

local function check(cond, msg)
  if not cond then
    error(msg, 2)
  end
end

local function read(path)
  local f = io.open(path, "r")
  if not f then
    return nil
  end
  local text = f:read("*a")
  f:close()
  return text
end

local function code_of(d)
  if d.code then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function diags(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out[#out + 1] = { code = code_of(d), lnum = d.lnum, col = d.col, severity = d.severity }
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function codes(buf)
  local out = {}
  for _, d in ipairs(diags(buf)) do
    out[#out + 1] = d.code
  end
  return table.concat(out, ",")
end

local function wait_for(what, cond)
  local began = now_ms()
  local ok = vim.wait(TIMEOUT, cond, 20)
  check(ok, "timed out waiting for " .. what)
  local took = now_ms() - began
  report.steps[#report.steps + 1] = { step = what, ms = math.floor(took) }
  return took
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 30000)
  check(responses, method .. ": no answer")
  for _, response in pairs(responses) do
    check(not response.error, method .. ": " .. vim.inspect(response.error))
    return response.result
  end
end

local function uri(buf)
  return vim.uri_from_bufnr(buf)
end

local function find(buf, code)
  for _, d in ipairs(diags(buf)) do
    if d.code == code then
      return d
    end
  end
end

local function actions_at(buf, d, only)
  local pos = { line = d and d.lnum or 0, character = d and d.col or 0 }
  return request(buf, "textDocument/codeAction", {
    textDocument = { uri = uri(buf) },
    range = { start = pos, ["end"] = pos },
    context = { diagnostics = {}, only = only },
  }) or {}
end

-- what Neovim's code-action menu does with the chosen action: its edit, then its command
local function run_action(buf, action)
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  end
  local command = action.command
  if type(command) == "table" then
    request(buf, "workspace/executeCommand", { command = command.command, arguments = command.arguments })
  end
end

local function choose(actions, title)
  local titles = {}
  for _, a in ipairs(actions) do
    if a.title == title then
      return a
    end
    titles[#titles + 1] = a.title
  end
  error("no action '" .. title .. "' among: " .. table.concat(titles, " | "), 2)
end

local function line(buf, n)
  return vim.api.nvim_buf_get_lines(buf, n, n + 1, false)[1]
end

local function main()
  vim.o.hidden = true
  local began = now_ms()
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/draft.md"))
  local buf = vim.api.nvim_get_current_buf()
  wait_for("first diagnostics", function()
    return #diags(buf) == 5
  end)
  report.first_ms = math.floor(now_ms() - began)
  check(
    codes(buf) == "house.tow,house.tow,house.very-unique,typos.misspelling,house.very-unique",
    "diagnostics: " .. codes(buf)
  )
  check(#(vim.lsp.get_clients or vim.lsp.get_active_clients)() == 1, "one factlint client")

  -- hover on the first diagnostic
  local tow = find(buf, "house.tow")
  local hover = request(buf, "textDocument/hover", {
    textDocument = { uri = uri(buf) },
    position = { line = tow.lnum, character = tow.col + 2 },
  })
  local text = hover and hover.contents and (hover.contents.value or hover.contents) or ""
  check(type(text) == "string" and text:find("**house.tow**", 1, true), "hover: " .. vim.inspect(hover))
  check(text:find("**Why.**", 1, true) and text:find("https://example.org/rules/house.tow", 1, true), "hover text: " .. text)
  report.hover = text

  -- a changed .factlint.yaml, saved from the editor, is reloaded
  local config = root .. "/.factlint.yaml"
  vim.cmd("edit " .. vim.fn.fnameescape(config))
  local cbuf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(cbuf, -1, -1, false, { "severity: {house.tow: info}" })
  local saved = now_ms()
  vim.cmd("write")
  vim.cmd("buffer " .. buf)
  wait_for("reload after saving .factlint.yaml", function()
    local d = find(buf, "house.tow")
    return d and d.severity == vim.diagnostic.severity.INFO
  end)
  report.reload_ms = math.floor(now_ms() - saved)

  -- the fix, titled for what it does
  tow = find(buf, "house.tow")
  run_action(buf, choose(actions_at(buf, tow), "Replace 'tow the line' with 'toe the line'"))
  check(line(buf, 2) == "They toe the line, and tow the line again.", "after the fix: " .. line(buf, 2))
  local edited = now_ms()
  wait_for("re-check after the fix", function()
    local d = find(buf, "house.tow")
    return d and d.col > 20
  end)
  report.recheck_ms = math.floor(now_ms() - edited)

  -- disable on this line
  local unique = find(buf, "house.very-unique")
  run_action(buf, choose(actions_at(buf, unique), "Disable house.very-unique on this line"))
  check(line(buf, 3) == "A very unique day. <!-- factlint-disable-line house.very-unique -->", "line: " .. line(buf, 3))
  wait_for("line directive honoured", function()
    local d = find(buf, "house.very-unique")
    return d and d.lnum == 5
  end)

  -- disable in this file
  unique = find(buf, "house.very-unique")
  run_action(buf, choose(actions_at(buf, unique), "Disable house.very-unique in this file"))
  check(line(buf, 0) == "<!-- factlint-disable house.very-unique -->", "top: " .. line(buf, 0))
  wait_for("file directive honoured", function()
    return not find(buf, "house.very-unique")
  end)

  -- add the word to the vocabulary: written into .factlint.yaml, comments kept
  local typo = find(buf, "typos.misspelling")
  run_action(buf, choose(actions_at(buf, typo), "Add 'recieve' to the vocabulary"))
  local written = read(config) or ""
  check(written:find("# the desk's configuration", 1, true), "config comment lost: " .. written)
  check(written:find("accept: [recieve]", 1, true), "config: " .. written)
  wait_for("re-check after adding the word", function()
    return not find(buf, "typos.misspelling")
  end)

  -- fix all: the second 'tow the line'
  local all = actions_at(buf, nil, { "source.fixAll" })
  check(#all == 1 and all[1].kind == "source.fixAll.factlint", "fix all: " .. vim.inspect(all))
  run_action(buf, all[1])
  check(line(buf, 3) == "They toe the line, and toe the line again.", "after fix all: " .. line(buf, 3))
  wait_for("no diagnostics left", function()
    return #diags(buf) == 0
  end)
  vim.cmd("write")
  check(read(root .. "/draft.md"):find("toe the line again", 1, true), "draft not written")
  report.ok = true
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  report.error = tostring(err)
end
save_report()
if ok then
  vim.cmd("qa!")
else
  io.stderr:write(tostring(err) .. "\n")
  vim.cmd("cquit 3")
end
