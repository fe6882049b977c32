<?php
// Builds the installable zip of the companion plugin (wordpress/newsroom-desk) with the zip
// code WordPress itself ships (PclZip, pure PHP), so no zip tool is needed:
//   php scripts/wordpress/package-plugin.php OUT.zip
// The zip holds one folder, newsroom-desk/, as "Plugins → Add New → Upload" and
// `wp plugin install OUT.zip` expect.
$out = $argv[1] ?? 'target/newsroom-desk.zip';
$source = realpath(__DIR__ . '/../../wordpress/newsroom-desk');
$pclzip = '/usr/share/wordpress/wp-admin/includes/class-pclzip.php';
if (!is_file($pclzip)) {
    fwrite(STDERR, "package-plugin: Debian's wordpress package is needed for its PclZip ($pclzip)\n");
    exit(1);
}
define('ABSPATH', '/usr/share/wordpress/');
require $pclzip;
@mkdir(dirname($out), 0777, true);
@unlink($out);
$files = array();
foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($source, FilesystemIterator::SKIP_DOTS)) as $file) {
    $files[] = $file->getPathname();
}
sort($files);
$zip = new PclZip($out);
$added = $zip->create($files, PCLZIP_OPT_REMOVE_PATH, $source, PCLZIP_OPT_ADD_PATH, 'newsroom-desk');
if ($added === 0) {
    fwrite(STDERR, 'package-plugin: ' . $zip->errorInfo(true) . "\n");
    exit(1);
}
echo realpath($out), "\n";
