"use strict";var __defProp=Object.defineProperty;var __getOwnPropDesc=Object.getOwnPropertyDescriptor;var __getOwnPropNames=Object.getOwnPropertyNames;var __hasOwnProp=Object.prototype.hasOwnProperty;var __name=(target,value)=>__defProp(target,"name",{value,configurable:true});var __export=(target,all)=>{for(var name in all)__defProp(target,name,{get:all[name],enumerable:true})};var __copyProps=(to,from,except,desc)=>{if(from&&typeof from==="object"||typeof from==="function"){for(let key of __getOwnPropNames(from))if(!__hasOwnProp.call(to,key)&&key!==except)__defProp(to,key,{get:()=>from[key],enumerable:!(desc=__getOwnPropDesc(from,key))||desc.enumerable})}return to};var __toCommonJS=mod=>__copyProps(__defProp({},"__esModule",{value:true}),mod);var prelude_shared_exports={};__export(prelude_shared_exports,{NUMPY_ARRAYS:()=>NUMPY_ARRAYS,TORCH_ARRAYS:()=>TORCH_ARRAYS,sharedHelpers:()=>sharedHelpers});module.exports=__toCommonJS(prelude_shared_exports);const NUMPY_ARRAYS={module:"np",size:"size",ndim:"ndim"};const TORCH_ARRAYS={module:"torch",size:"numel()",ndim:"dim()"};function sharedHelpers(lib){return String.raw`
def _matmul(a, b):
    return ${lib.module}.matmul(_t(a), _t(b))


def _mod(a, b):
    a, b = _t(a), _t(b)
    return a - b * ${lib.module}.floor(a / b)


def _log(x, base=None):
    return ${lib.module}.log(_t(x)) if base is None else ${lib.module}.log(_t(x)) / ${lib.module}.log(_t(base))


def _LOG(x, base=None):
    return ${lib.module}.log10(_t(x)) if base is None else ${lib.module}.log(_t(x)) / ${lib.module}.log(_t(base))


def _max(*xs, empty=None):
    flat = _flat(*xs)
    return _first_extremum(flat, lambda a, b: a > b) if flat.${lib.size} else _t(empty)


def _min(*xs, empty=None):
    flat = _flat(*xs)
    return _first_extremum(flat, lambda a, b: a < b) if flat.${lib.size} else _t(empty)


def _mean(*xs):
    flat = _flat(*xs)
    return flat.sum() / flat.${lib.size}


def _prod(*xs, empty=1.0):
    flat = _flat(*xs)
    return flat.prod() if flat.${lib.size} else _t(empty)


def _sumproduct(*xs):
    total = _t(1.0)
    for x in xs:
        total = total * _t(x)
    return total.sum()


def _transpose(x):
    x = _t(x)
    return x.T if x.${lib.ndim} == 2 else x


def _stack(items):
    return ${lib.module}.stack([_t(x) for x in items])


def _and(*xs):
    return all(_truth(x) for x in _bools(xs))


def _or(*xs):
    return any(_truth(x) for x in _bools(xs))


def _nth_root(a, n=2.0):
    """The real n-th root; the odd root of a negative number is negative."""
    a, n = _t(a), _t(n)
    return ${lib.module}.sign(a) * _pow(${lib.module}.abs(a), 1.0 / n)


_DIVISORS = {"unbiased": lambda n: n - 1, "uncorrected": lambda n: n, "biased": lambda n: n + 1}


def _sample(xs):
    norm = "unbiased"
    if len(xs) > 1 and isinstance(xs[-1], str):
        norm, xs = xs[-1], xs[:-1]
    return _flat(*xs), _DIVISORS[norm]


def _variance(*xs):
    flat, divisor = _sample(xs)
    if flat.${lib.size} == 1:
        return flat.sum() * 0
    return ((flat - flat.mean()) ** 2).sum() / divisor(flat.${lib.size})


def _where(c, a, b):
    """IF over a vectorised run: each element takes its own branch (and only it gets gradient)."""
    return ${lib.module}.where(_t(c) != 0, _t(a), _t(b))


def _max_lanes(*xs):
    """MAX of numbers over a vectorised run: per element, the first argument that attains it."""
    best = _t(xs[0])
    for x in xs[1:]:
        best = ${lib.module}.where(_t(x) > best, _t(x), best)
    return best


def _min_lanes(*xs):
    best = _t(xs[0])
    for x in xs[1:]:
        best = ${lib.module}.where(_t(x) < best, _t(x), best)
    return best


def _and_lanes(*xs):
    """AND over a vectorised run: per element, every argument non-zero."""
    r = _t(xs[0]) != 0
    for x in xs[1:]:
        r = r & (_t(x) != 0)
    return r


def _or_lanes(*xs):
    r = _t(xs[0]) != 0
    for x in xs[1:]:
        r = r | (_t(x) != 0)
    return r


def _not_lanes(x):
    return _t(x) == 0


def _lanes(x, n):
    """A run's value as a vector of n elements (a run whose formula reads no row of its own)."""
    x = _t(x)
    return x if x.${lib.ndim} else x * ${lib.module}.ones(n)


def _cumsum(*xs):
    first = _t(xs[0])
    if first.${lib.ndim} >= 1 and len(xs) <= 2:
        return ${lib.module}.cumsum(first, int(xs[1]) if len(xs) == 2 else 0)
    return ${lib.module}.cumsum(_flat(*xs), 0)
`.slice(1,-1)}__name(sharedHelpers,"sharedHelpers");0&&(module.exports={NUMPY_ARRAYS,TORCH_ARRAYS,sharedHelpers});
