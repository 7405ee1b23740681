package remind

import "sync"

// MemKV is an in-memory KV, for tests and for running without a store.
// Safe for concurrent use. The zero value is ready to use.
type MemKV struct {
	mu sync.Mutex
	m  map[string]string
}

// Setting returns the value under key.
func (kv *MemKV) Setting(key string) (string, bool, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	v, ok := kv.m[key]
	return v, ok, nil
}

// SetSetting stores value under key.
func (kv *MemKV) SetSetting(key, value string) error {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	if kv.m == nil {
		kv.m = make(map[string]string)
	}
	kv.m[key] = value
	return nil
}

// UpdateSetting changes the value under key under the lock: see KV.
func (kv *MemKV) UpdateSetting(key string, fn func(string, bool) (string, error)) error {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	v, ok := kv.m[key]
	nv, err := fn(v, ok)
	if err != nil {
		return err
	}
	if kv.m == nil {
		kv.m = make(map[string]string)
	}
	kv.m[key] = nv
	return nil
}
