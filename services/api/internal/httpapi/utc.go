package httpapi

import (
	"reflect"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// inUTC sets every time.Time reachable from v (through fields, pointers and slices) to UTC,
// so that answers carry times as ...Z whatever zone a service decoded them in.
func inUTC(v any) {
	walkUTC(reflect.ValueOf(v))
}

func walkUTC(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkUTC(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if k := v.Type().Elem().Kind(); k <= reflect.Complex128 || k == reflect.String {
			return // no time inside (json.RawMessage, []string, …)
		}
		for i := range v.Len() {
			walkUTC(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == timeType {
			if v.CanSet() {
				v.Set(reflect.ValueOf(v.Interface().(time.Time).UTC()))
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkUTC(v.Field(i))
			}
		}
	}
}
