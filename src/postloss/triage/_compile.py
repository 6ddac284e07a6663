"""The built-in table compiled into one function, each shared sign computed once a report.

The table's predicates stay the one statement of the rules; this module reads their
source and writes one straight-line function that evaluates every row the way a
hand-written if-chain would. A function whose body is ``name = expr`` lines and a
``return expr`` is inlined (its parameters replaced by the arguments it is called
with); the same call is computed once, however many rows use it; anything else is
called as it stands. The expressions keep their own short-circuits, but every sign is
computed, wanted or not: ``assess`` falls back to calling the predicates one by one
when the compiled function raises. ``tests/property`` checks that the compiled
function fires exactly the rows the predicates fire, for every report and threshold.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import textwrap
import types
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["compile_rows"]

#: Arguments that may be substituted for a parameter: reading them has no effect.
_PLAIN_ARGUMENTS = (ast.Name, ast.Attribute, ast.Constant)


def _definition(function: object) -> ast.FunctionDef | None:
    """The syntax of a plain function: no decorators, defaults or variable arguments."""
    if not isinstance(function, types.FunctionType):
        return None
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return None
    definition = tree.body[0] if tree.body else None
    if not isinstance(definition, ast.FunctionDef) or definition.decorator_list:
        return None
    arguments = definition.args
    if arguments.vararg or arguments.kwarg or arguments.kwonlyargs or arguments.defaults:
        return None
    return definition


def _inlinable(function: object) -> tuple[list[str], ast.expr] | None:
    """A function's parameters and its return expression with its locals substituted.

    ``None`` when it is not a plain function of ``name = expr`` lines and a ``return``.
    """
    definition = _definition(function)
    if definition is None:
        return None
    body = definition.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body or not isinstance(body[-1], ast.Return) or body[-1].value is None:
        return None
    local: dict[str, ast.expr] = {}
    for statement in body[:-1]:
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            return None
        local[statement.targets[0].id] = _substitute(statement.value, local)
    expression = _substitute(body[-1].value, local)
    binds = (ast.Lambda, ast.comprehension, ast.NamedExpr)  # names bound inside: left alone
    if any(isinstance(node, binds) for node in ast.walk(expression)):
        return None
    return [argument.arg for argument in definition.args.args], expression


def _substitute(expression: ast.expr, names: dict[str, ast.expr]) -> ast.expr:
    class Substitute(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.expr:
            return names.get(node.id, node)

    return Substitute().visit(ast.parse(ast.unparse(expression), mode="eval").body)  # type: ignore[no-any-return]


class _Writer:
    """Writes the compiled function: one local per distinct call, in the order needed."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.lines: list[str] = []
        self.locals: dict[tuple[int, str], str] = {}

    def bind(self, value: object) -> str:
        """A global name for *value* in the compiled function's namespace."""
        name = f"_g{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def call(self, function: Callable[..., Any], arguments: Sequence[ast.expr]) -> str:
        """The local that holds ``function(*arguments)``, written on first use."""
        key = (id(function), ast.dump(ast.Tuple(list(arguments), ast.Load())))
        if key not in self.locals:
            found = _inlinable(function)
            if found is not None and len(found[0]) == len(arguments):
                parameters = dict(zip(found[0], arguments, strict=True))
                code = ast.unparse(self.rewrite(found[1], function.__globals__, parameters))
            else:
                listed = ", ".join(ast.unparse(argument) for argument in arguments)
                code = f"{self.bind(function)}({listed})"
            name = f"_v{len(self.locals)}"
            self.lines.append(f"    {name} = {code}  # {function.__qualname__}")
            self.locals[key] = name
        return self.locals[key]

    def rewrite(
        self, expression: ast.expr, scope: dict[str, Any], parameters: dict[str, ast.expr]
    ) -> ast.expr:
        """*expression* in the compiled function's terms: globals bound, calls as locals."""
        writer = self

        def resolve(node: ast.expr) -> tuple[bool, object]:
            if isinstance(node, ast.Name) and node.id not in parameters:
                if node.id in scope:
                    return True, scope[node.id]
                if hasattr(builtins, node.id):
                    return True, getattr(builtins, node.id)
            if isinstance(node, ast.Attribute):
                found, base = resolve(node.value)
                if found and isinstance(base, types.ModuleType):
                    return hasattr(base, node.attr), getattr(base, node.attr, None)
            return False, None

        class Rewrite(ast.NodeTransformer):
            def visit_Call(self, node: ast.Call) -> ast.expr:
                found, target = resolve(node.func)
                arguments = [self.visit(argument) for argument in node.args]
                plain = all(isinstance(argument, _PLAIN_ARGUMENTS) for argument in arguments)
                if found and callable(target) and plain and not node.keywords:
                    return ast.Name(writer.call(target, arguments), ast.Load())
                node.func = self.visit(node.func)
                node.args = arguments
                node.keywords = [self.visit(keyword) for keyword in node.keywords]
                return node

            def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
                found, target = resolve(node)
                if found and resolve(node.value)[0]:  # module.name: bind the object
                    return ast.Name(writer.bind(target), ast.Load())
                visited = self.generic_visit(node)
                assert isinstance(visited, ast.expr)
                return visited

            def visit_Name(self, node: ast.Name) -> ast.expr:
                if node.id in parameters:
                    return parameters[node.id]
                found, target = resolve(node)
                if not found:
                    raise NameError(f"cannot compile: unknown name {node.id!r}")
                return ast.Name(writer.bind(target), ast.Load())

        rewritten: ast.expr = Rewrite().visit(expression)
        return rewritten


def compile_rows(rows: Sequence[Any]) -> tuple[Callable[[Any, Any], list[Any]], str]:
    """One function of ``(report, thresholds)`` giving the *rows* whose predicate holds.

    Returns the function and its source. Each row needs a ``predicate(r, t)``.
    """
    writer = _Writer()
    report, thresholds = ast.Name("r", ast.Load()), ast.Name("t", ast.Load())
    hits = [writer.call(row.predicate, (report, thresholds)) for row in rows]
    tests = [
        f"    if {hit}:\n        fired.append({writer.bind(row)})"
        for hit, row in zip(hits, rows, strict=True)
    ]
    source = "\n".join(
        ["def fired_rows(r, t):", *writer.lines, "    fired = []", *tests, "    return fired", ""]
    )
    exec(source, writer.namespace)  # generated from the table's own predicates
    return writer.namespace["fired_rows"], source
