"""What an attacker knows about the hidden counts, as integer unknowns and linear relations, and the bounds it
can work out for each hidden count with integer programming (scipy.optimize.milp).

A cell is one count: (epoch, variable, breakdown, date, unit). An epoch is one moment at which the attacker
downloaded everything (before and after a correction); a frozen report edition belongs to the first epoch in
which it was seen. Cells of different epochs are the same count unless a correction changed it in between."""
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

INF = math.inf
# Slack on interval bounds from rounded figures, so that floating point never excludes the true count.
EPS = 1e-7


@dataclass(frozen=True, order=True)
class Cell:
    epoch: int
    variable: str
    breakdown: str  # "" for the total, "sex=f" for a category, "sex=*rest" for the categories not delivered
    date: str
    unit: str

    def group(self):
        """The counts that add up along the hierarchy: same variable, breakdown, date and epoch."""
        return (self.epoch, self.variable, self.breakdown, self.date)

    def timeless(self):
        return (self.variable, self.breakdown, self.date, self.unit)

    def label(self):
        part = f"[{self.breakdown}]" if self.breakdown else ""
        return f"{self.variable}{part} {self.date} {self.unit} (epoch {self.epoch})"


@dataclass
class Relation:
    """lower ≤ Σ coefficient·cell ≤ upper, with the output it comes from."""
    terms: dict
    lower: float
    upper: float
    source: str
    kind: str  # published, rate, hierarchy, breakdown, label, link

    def cells(self):
        return self.terms.keys()


@dataclass
class Hidden:
    cell: Cell
    minimum: int
    sources: set = field(default_factory=set)
    derived: bool = False  # never shown anywhere (a remainder category), as opposed to shown as hidden


@dataclass
class Finding:
    cell: Cell
    minimum: int
    low: float
    high: float
    sources: list
    derived: bool

    def __str__(self):
        high = "∞" if self.high == INF else f"{self.high:g}"
        kind = "derived (never published)" if self.derived else "hidden"
        return (f"{self.cell.variable} date {self.cell.date} unit {self.cell.unit} breakdown {self.cell.breakdown or 'total'} "
                f"(epoch {self.cell.epoch}, {kind}, minimum {self.minimum}): interval [{self.low:g}, {high}] "
                f"— outputs used: {'; '.join(self.sources)}")


class Knowledge:
    def __init__(self):
        self.relations = []
        self.hidden = {}  # Cell -> Hidden
        self.cells = set()
        self.link_groups = []  # (timeless group key, epoch a, epoch b, changed: bool)

    # --- what the outputs say ----------------------------------------------------------------------

    def add(self, terms, lower, upper, source, kind):
        terms = {c: v for c, v in terms.items() if v != 0}
        if not terms:
            return
        self.cells.update(terms)
        self.relations.append(Relation(terms, lower, upper, source, kind))

    def published(self, cells, value, source):
        """Σ cells = value (a numerator or denominator shown as a number)."""
        self.add({c: 1.0 for c in cells}, value, value, source, "published")

    def rate(self, numerator, denominator, factor, value, half_width, source):
        """factor·Σnum / Σden shown as `value` rounded to ± half_width: two linear inequalities."""
        lo, hi = value - half_width - EPS * max(1, abs(value)), value + half_width + EPS * max(1, abs(value))
        if not denominator:
            self.add({c: factor for c in numerator}, lo, hi, source, "rate")
            return
        upper = defaultdict(float)   # factor·num − hi·den ≤ 0
        lower = defaultdict(float)   # factor·num − lo·den ≥ 0
        for c in numerator:
            upper[c] += factor
            lower[c] += factor
        for c in denominator:
            upper[c] -= hi
            lower[c] -= lo
        self.add(dict(upper), -INF, 0.0, source, "rate")
        self.add(dict(lower), 0.0, INF, source, "rate")

    def hide(self, cell, minimum, source, derived=False):
        self.cells.add(cell)
        entry = self.hidden.setdefault(cell, Hidden(cell, minimum, derived=derived))
        entry.minimum = max(entry.minimum, minimum)
        entry.derived = entry.derived and derived
        entry.sources.add(source)

    def primary_label(self, cell, minimum, source):
        """An output calls the cell a primary suppression: 1 … minimum − 1."""
        self.add({cell: 1.0}, 1, minimum - 1, source, "label")

    def sum_of(self, parent, children, source, kind):
        terms = {parent: 1.0}
        for c in children:
            terms[c] = terms.get(c, 0.0) - 1.0
        self.add(terms, 0.0, 0.0, source, kind)

    def link(self, group, epoch_a, epoch_b, changed):
        """Cells of `group` (variable, breakdown, date) in two epochs: equal, except (when `changed`) one unit
        whose revision the attacker has to guess."""
        self.link_groups.append((group, epoch_a, epoch_b, changed))

    # --- solving ------------------------------------------------------------------------------------

    def _link_hypotheses(self, cells, units_of_group, leaves_of_group, ancestors):
        """Per linked group, the ways the attacker can explain what changed: nothing (equal everywhere) when no
        published figure changed, else exactly one leaf unit revised (with its ancestors)."""
        options = []
        for group, a, b, changed in self.link_groups:
            units = units_of_group.get(group, set())
            present = [u for u in units if Cell(a, *group, u) in cells and Cell(b, *group, u) in cells]
            if not present:
                continue
            if not changed:
                options.append([(group, a, b, frozenset())])
            else:
                options.append([(group, a, b, frozenset({leaf}) | ancestors.get(leaf, frozenset()))
                                for leaf in sorted(leaves_of_group.get(group, set()))])
        return options

    def solve(self, ancestors=None, max_hypotheses=64):
        """Every hidden cell's interval [min, max] over all integer solutions, per connected component."""
        ancestors = ancestors or {}
        units_of_group = defaultdict(set)
        for c in self.cells:
            units_of_group[c.timeless()[:3]].add(c.unit)
        leaves_of_group = {}
        for g, units in units_of_group.items():
            leaves_of_group[g] = {u for u in units if not any(u in ancestors.get(o, ()) for o in units)}
        hypotheses = self._link_hypotheses(self.cells, units_of_group, leaves_of_group, ancestors)

        # Components over the fixed relations plus every possible link (links join the two epochs' cells).
        parent = {}

        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a, b):
            parent[find(a)] = find(b)

        for r in self.relations:
            cs = list(r.cells())
            for c in cs[1:]:
                union(cs[0], c)
        for option in hypotheses:
            group, a, b, _ = option[0]
            for u in units_of_group[group]:
                ca, cb = Cell(a, *group, u), Cell(b, *group, u)
                if ca in self.cells and cb in self.cells:
                    union(ca, cb)
        for c in self.cells:
            find(c)
        components = defaultdict(set)
        for c in self.cells:
            components[find(c)].add(c)

        results = {}
        notes = []
        for root, members in components.items():
            targets = [h for h in self.hidden.values() if h.cell in members]
            if not targets:
                continue
            relations = [r for r in self.relations if next(iter(r.cells())) in members]
            own = [opts for opts in hypotheses if any(Cell(opts[0][1], *opts[0][0], u) in members for u in units_of_group[opts[0][0]])]
            combos = list(itertools.islice(itertools.product(*own), max_hypotheses + 1)) if own else [()]
            if len(combos) > max_hypotheses:
                notes.append(f"{len(combos)}+ ways to explain the revisions in one component: links left out")
                combos = [()]
            intervals = {h.cell: [INF, -INF] for h in targets}
            feasible_any = False
            for combo in combos:
                links = []
                for group, a, b, changed_units in combo:
                    for u in units_of_group[group]:
                        if u in changed_units:
                            continue
                        ca, cb = Cell(a, *group, u), Cell(b, *group, u)
                        if ca in members and cb in members:
                            links.append(Relation({ca: 1.0, cb: -1.0}, 0, 0, f"same count in epochs {a} and {b}", "link"))
                bounds = _solve_component(members, relations + links, [h.cell for h in targets])
                if bounds is None:
                    continue
                feasible_any = True
                for cell, (low, high) in bounds.items():
                    intervals[cell][0] = min(intervals[cell][0], low)
                    intervals[cell][1] = max(intervals[cell][1], high)
            if not feasible_any:
                # The outputs contradict the attacker's assumptions (e.g. a county figure that is not the sum of its
                # municipalities): without hierarchy and links it still learns what each output says on its own.
                notes.append(f"outputs inconsistent with the hierarchy around {targets[0].cell.label()}: hierarchy and links left out")
                bounds = _solve_component(members, [r for r in relations if r.kind not in ("hierarchy",)], [h.cell for h in targets])
                if bounds is None:
                    notes.append(f"outputs inconsistent around {targets[0].cell.label()}")
                    continue
                intervals = {c: list(b) for c, b in bounds.items()}
            for cell, (low, high) in intervals.items():
                results[cell] = (low, high, relations)
        return results, notes

    def findings(self, ancestors=None):
        """Hidden cells whose interval is narrower than the protection level, and notes on the solving."""
        results, notes = self.solve(ancestors)
        found = []
        for cell, (low, high, relations) in sorted(results.items()):
            h = self.hidden[cell]
            m = h.minimum
            if h.derived and not (low <= m - 1 and high >= 1):
                continue  # a remainder that cannot be a small count (or is surely zero) discloses nothing small
            if high - low + 1 >= m and high >= m:
                continue
            found.append(Finding(cell, m, low, high, _sources_for(cell, relations, h), h.derived))
        return found, notes


def _sources_for(cell, relations, hidden):
    """The outputs behind the relations of the cell's unit and parents, most specific first (at most 12)."""
    direct = [r.source for r in relations if cell in r.terms]
    near = [r.source for r in relations if any(c.variable == cell.variable and c.date == cell.date for c in r.terms)]
    seen, out = set(), []
    for s in sorted(hidden.sources) + direct + near:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out[:6] + ([f"… {len(out) - 6} more"] if len(out) > 6 else [])


def _solve_component(members, relations, targets):
    """Integer min and max of each target subject to the relations; None when no integer solution exists."""
    index = {c: i for i, c in enumerate(sorted(members))}
    n = len(index)
    if relations:
        A = np.zeros((len(relations), n))
        lo = np.empty(len(relations))
        hi = np.empty(len(relations))
        for k, r in enumerate(relations):
            for c, v in r.terms.items():
                A[k, index[c]] += v
            lo[k], hi[k] = r.lower, r.upper
        constraints = [LinearConstraint(A, lo, hi)]
    else:
        constraints = []
    integrality = np.ones(n)
    bounds = Bounds(np.zeros(n), np.full(n, np.inf))
    result = {}
    for t in targets:
        c = np.zeros(n)
        c[index[t]] = 1.0
        low = milp(c, constraints=constraints, integrality=integrality, bounds=bounds)
        if low.status == 2:  # infeasible
            return None
        if low.status != 0:
            raise RuntimeError(f"milp: {low.message}")
        high = milp(-c, constraints=constraints, integrality=integrality, bounds=bounds)
        # The minimum proved a solution exists: a maximum the solver cannot find is unbounded.
        up = round(-high.fun) if high.status == 0 else INF
        result[t] = (round(low.fun), up)
    return result
